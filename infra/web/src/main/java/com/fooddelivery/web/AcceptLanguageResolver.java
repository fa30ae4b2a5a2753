package com.fooddelivery.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of an answer, negotiated from {@code Accept-Language} by RFC 4647 lookup over the languages we translate
 * into: q-values are honoured, {@code q=0} excludes a language, {@code hi-IN} finds {@code hi}. Anything else, a
 * missing header or one that does not parse, is English.
 */
public final class AcceptLanguageResolver implements LocaleResolver {

    public static final Locale HINDI = Locale.forLanguageTag("hi");
    public static final Locale TAMIL = Locale.forLanguageTag("ta");
    /** English first: it is the fallback and the language of the base bundles. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, HINDI, TAMIL);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language follows the Accept-Language header of each request");
    }

    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? Locale.ENGLISH : supported(match);
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** One of {@link #SUPPORTED}: the same language, else English. */
    public static Locale supported(Locale locale) {
        return SUPPORTED.stream()
                .filter(candidate -> candidate.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }
}
