package com.fooddelivery.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.HttpStatus;

/**
 * The texts of problems, from every {@code problems/<name>[_<lang>].properties} on the class path (UTF-8): this library
 * ships {@code problems/web-support*.properties} for the shared problems, and each service adds its own files, e.g.
 * {@code problems/order-service.properties} with {@code _hi} and {@code _ta} translations, without code.
 *
 * <p>Keys: {@code <type>.title}, {@code <type>.detail} (with {@link java.text.MessageFormat} arguments, so a quote is
 * written {@code ''}), and free message codes for field messages and translated arguments. A key missing in a
 * translation falls back to the English base file; a key missing everywhere to a neutral text, never to the key.
 */
public final class ProblemMessages {

    static final String LOCATION = "classpath*:problems/*.properties";
    private static final Pattern BUNDLE_FILE = Pattern.compile("(.+?)(_[a-z]{2,3}(_[A-Z]{2})?)?\\.properties");
    /** Shared texts last: a service may override one of them in its own bundle. */
    private static final String SHARED = "web-support";

    private final ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
    private final List<String> bundles;

    private final ClassLoader classLoader;

    private ProblemMessages(List<String> bundles, ClassLoader classLoader) {
        this.bundles = bundles;
        this.classLoader = classLoader;
        messages.setResourceLoader(new DefaultResourceLoader(classLoader));
        messages.setBasenames(
                bundles.stream().map(name -> "classpath:problems/" + name).toArray(String[]::new));
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // Unsupported languages get the base (English) file, never the JVM's default language.
        messages.setFallbackToSystemLocale(false);
        // One quoting rule for every message, with or without arguments.
        messages.setAlwaysUseMessageFormat(true);
    }

    /** The bundles found on the class path of {@code classLoader}. */
    public static ProblemMessages fromClasspath(ClassLoader classLoader) {
        Set<String> names = new TreeSet<>(
                Comparator.comparing((String name) -> name.equals(SHARED)).thenComparing(Comparator.naturalOrder()));
        for (Resource resource : resources(classLoader)) {
            Matcher file = BUNDLE_FILE.matcher(String.valueOf(resource.getFilename()));
            if (file.matches()) {
                names.add(file.group(1));
            }
        }
        return new ProblemMessages(List.copyOf(names), classLoader);
    }

    public static ProblemMessages fromClasspath() {
        return fromClasspath(ProblemMessages.class.getClassLoader());
    }

    /** The bundles' names, e.g. {@code order-service}, {@code web-support}. */
    public List<String> bundles() {
        return bundles;
    }

    public MessageSource messageSource() {
        return messages;
    }

    public String title(String type, HttpStatus status, Locale locale) {
        return messages.getMessage(type + ".title", null, status.getReasonPhrase(), locale);
    }

    /** null (no detail) when no bundle has one for {@code type}. */
    public String detail(String type, Object[] arguments, Locale locale) {
        return messages.getMessage(type + ".detail", arguments, null, locale);
    }

    /** The message in {@code locale}; its default message, or "is invalid" when it has none and no bundle knows it. */
    public String message(MessageSourceResolvable message, Locale locale) {
        try {
            return messages.getMessage(message, locale);
        } catch (NoSuchMessageException unknown) {
            return messages.getMessage("invalid-field", null, "is invalid", locale);
        }
    }

    /**
     * For each bundle, the keys of its English base file that the translation into {@code language} lacks (they would
     * be shown in English). Empty when every translation is complete.
     */
    public Map<String, Set<String>> missingTranslations(Locale language) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (String bundle : bundles) {
            Set<String> keys = new TreeSet<>(keys(classLoader, "problems/" + bundle + ".properties"));
            keys.removeAll(keys(classLoader, "problems/" + bundle + "_" + language.getLanguage() + ".properties"));
            if (!keys.isEmpty()) {
                missing.put(bundle, keys);
            }
        }
        return missing;
    }

    /** Every key of every bundle, in any language: to check that each one formats. */
    public Set<String> allKeys() {
        Set<String> all = new TreeSet<>();
        for (String bundle : bundles) {
            for (Locale language : AcceptLanguageResolver.SUPPORTED) {
                String suffix = language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage();
                all.addAll(keys(classLoader, "problems/" + bundle + suffix + ".properties"));
            }
        }
        return all;
    }

    private static Set<String> keys(ClassLoader classLoader, String path) {
        Properties properties = new Properties();
        try {
            var urls = classLoader.getResources(path);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames();
    }

    private static Resource[] resources(ClassLoader classLoader) {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        try {
            return resolver.getResources(LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
