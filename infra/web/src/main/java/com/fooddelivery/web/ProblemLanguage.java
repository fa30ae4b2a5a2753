package com.fooddelivery.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Writes every problem in the language of the request, at the one place all of them pass: the title and detail of a
 * {@link Problems#localized} problem and the messages of its {@code errors} are looked up now, in the locale the
 * {@code LocaleResolver} chose. {@code type}, {@code status}, field names and other properties stay as they are.
 * {@code Content-Language} names the language of the text: English for problems not (yet) translated, such as Spring's
 * own.
 */
@RestControllerAdvice
public class ProblemLanguage implements ResponseBodyAdvice<Object> {

    private final ProblemMessages messages;

    public ProblemLanguage(ProblemMessages messages) {
        this.messages = messages;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail problem)) {
            return body;
        }
        Locale locale = Locale.ENGLISH;
        if (problem instanceof LocalizedProblem localized) {
            locale = AcceptLanguageResolver.supported(LocaleContextHolder.getLocale());
            localize(localized, locale);
        }
        response.getHeaders().setContentLanguage(locale);
        return body;
    }

    void localize(LocalizedProblem problem, Locale locale) {
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        problem.setTitle(messages.title(problem.key(), status, locale));
        problem.setDetail(messages.detail(problem.key(), problem.detailArguments(), locale));
        if (problem.invalidInputs() != null) {
            List<ProblemResponses.InvalidField> errors = problem.invalidInputs().stream()
                    .map(input ->
                            new ProblemResponses.InvalidField(input.field(), messages.message(input.message(), locale)))
                    .toList();
            problem.setProperty("errors", errors);
        }
    }
}
