package org.custodia.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The console's words as the message bundles hold them (messages.properties is Spanish, messages_en.properties
 * English), so that a browser test asserts on what a user reads without copying texts that other changes may reword.
 */
public final class Messages {

    private static final Properties SPANISH = load("messages.properties");
    private static final Properties ENGLISH = load("messages_en.properties");

    private Messages() {
    }

    /** The message of {@code key} in Spanish ("es") or English ("en"), its arguments filled in as Spring would. */
    public static String get(String language, String key, Object... arguments) {
        Properties bundle = "en".equals(language) ? ENGLISH : SPANISH;
        String pattern = bundle.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key + " in " + language);
        }
        return arguments.length == 0 && !pattern.contains("{")
                ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
    }

    public static String es(String key, Object... arguments) {
        return get("es", key, arguments);
    }

    public static String en(String key, Object... arguments) {
        return get("en", key, arguments);
    }

    /** The text of a message before its first argument: what the page shows whatever the figures. */
    public static String prefix(String language, String key) {
        String pattern = ("en".equals(language) ? ENGLISH : SPANISH).getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key + " in " + language);
        }
        int brace = pattern.indexOf('{');
        return (brace < 0 ? pattern : pattern.substring(0, brace)).replace("''", "'").strip();
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
