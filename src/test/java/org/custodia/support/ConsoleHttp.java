package org.custodia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The console as a browser without JavaScript sees it: HTML pages, urlencoded forms and their CSRF tokens. */
public final class ConsoleHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConsoleHttp() {
    }

    /** A GET of a console page at {@code baseUrl + path}. */
    public static HttpRequest page(String baseUrl, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").build();
    }

    /** A form posted as a browser posts it; {@code body} is already urlencoded. */
    public static HttpRequest form(String baseUrl, String path, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The CSRF token of the page's first form; fails the test if the page has none. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }
}
