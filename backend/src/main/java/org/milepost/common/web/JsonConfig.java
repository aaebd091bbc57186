package org.milepost.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Text from clients is stored as text and shown as text. Control characters other than tab, line feed and carriage
 * return have no place in a roadmap and NUL cannot be stored by PostgreSQL, so every JSON string containing one is
 * refused with 400 naming the field, before it reaches a service.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("milepost-text");
        module.addDeserializer(String.class, new PlainTextDeserializer());
        mapper.registerModule(module);
    }

    static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

        PlainTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                        throw context.weirdStringException(
                                value,
                                String.class,
                                "contains a control character (U+" + String.format("%04X", (int) c) + ")");
                    }
                }
            }
            return value;
        }
    }
}
