package org.custodia.custody.internal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** JSON for the jsonb columns: written and read with the application's mapper (ISO dates). */
@Component
class Json {

    private final JsonMapper mapper;

    Json(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String write(Object value) {
        return value == null ? null : mapper.writeValueAsString(value);
    }

    <T> T read(String text, Class<T> type) {
        return text == null ? null : mapper.readValue(text, type);
    }
}
