package org.custodia.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One bundle per language: {@code messages.properties} is Spanish (the console's default), {@code
 * messages_en.properties} English. Every key stands in both, and no value is left empty.
 */
class MessageBundlesTest {

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void spanishAndEnglishHaveTheSameKeys() throws IOException {
        Properties spanish = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        Set<String> onlySpanish = new TreeSet<>(spanish.stringPropertyNames());
        onlySpanish.removeAll(english.stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(spanish.stringPropertyNames());
        assertThat(onlySpanish).as("keys missing from messages_en.properties").isEmpty();
        assertThat(onlyEnglish).as("keys missing from messages.properties (Spanish)").isEmpty();
        assertThat(spanish.size()).isGreaterThan(100);
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties properties = bundle(name);
            Set<String> empty = new TreeSet<>();
            properties.stringPropertyNames().forEach(k -> {
                if (properties.getProperty(k).isBlank()) {
                    empty.add(k);
                }
            });
            assertThat(empty).as("empty messages in %s", name).isEmpty();
        }
    }

    @Test
    void thereIsOneBundlePerLanguage() {
        assertThat(MessageBundlesTest.class.getResource("/messages_es.properties"))
                .as("Spanish lives in messages.properties alone").isNull();
    }
}
