package org.custodia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A browser without JavaScript signed in to the console through the login form: it keeps its session cookie, posts
 * forms with the CSRF token of the page they were read from, and follows a form's redirect itself so that a test can
 * open the page it lands on in either language (the flash of a refused form survives that one redirect).
 */
public final class SignedInConsole {

    private final String baseUrl;
    private final HttpClient http;
    private String csrf;

    private SignedInConsole(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs {@code username} (password {@code demo}) in; fails the test if the console refuses. */
    public static SignedInConsole signIn(String baseUrl, String username) {
        return signIn(baseUrl, username, "demo");
    }

    /** Signs {@code username} in with {@code password}; fails the test if the console refuses. */
    public static SignedInConsole signIn(String baseUrl, String username, String password) {
        SignedInConsole console = new SignedInConsole(baseUrl);
        String login = console.send(ConsoleHttp.page(baseUrl, "/login")).body();
        HttpResponse<String> in = console.send(ConsoleHttp.form(baseUrl, "/login", "username=" + ConsoleHttp.enc(username)
                + "&password=" + ConsoleHttp.enc(password) + "&_csrf=" + ConsoleHttp.enc(ConsoleHttp.csrf(login))));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return console;
    }

    /** A page; its CSRF token is kept for the next form. */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(ConsoleHttp.page(baseUrl, path));
        if (page.statusCode() == 200 && page.body().contains("name=\"_csrf\"")) {
            csrf = ConsoleHttp.csrf(page.body());
        }
        return page;
    }

    /** Posts a form with the last page's CSRF token; answers the redirect (not followed). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        assertThat(csrf).as("a page with a form was read first").isNotNull();
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(ConsoleHttp.enc(k) + "=" + ConsoleHttp.enc(v)));
        body.add("_csrf=" + ConsoleHttp.enc(csrf));
        return send(ConsoleHttp.form(baseUrl, path, body.toString()));
    }

    /**
     * Posts a {@code multipart/form-data} form as a browser does, with the last page's CSRF token as the {@code _csrf}
     * part: the text {@code fields}, then one file part {@code fileField} named {@code fileName} holding
     * {@code content} (text/csv). Answers the response as it comes (a page or a redirect).
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
                                              String content) {
        assertThat(csrf).as("a page with a form was read first").isNotNull();
        String boundary = "----custodia" + java.util.UUID.randomUUID().toString().replace("-", "");
        StringBuilder body = new StringBuilder();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        all.forEach((k, v) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n")
                .append(v).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"")
                .append(fileName).append("\"\r\n").append("Content-Type: text/csv\r\n\r\n")
                .append(content).append("\r\n--").append(boundary).append("--\r\n");
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString(),
                        java.nio.charset.StandardCharsets.UTF_8)).build());
    }

    /** Posts a form and opens the page it redirects to, in {@code lang}; fails the test if it does not redirect. */
    public HttpResponse<String> submit(String path, Map<String, String> fields, String lang) {
        HttpResponse<String> posted = post(path, fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow().replaceAll("#.*$", "");
        if (location.startsWith(baseUrl)) {
            location = location.substring(baseUrl.length());
        }
        return get(location + (location.contains("?") ? "&" : "?") + "lang=" + lang);
    }

    private HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
