package org.imprimatur.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A canonical JSON form (sorted keys, no whitespace, strings in Unicode NFC, nulls left out) and
 * its SHA-256, so that equal content hashes equally on every run and every JVM. Values are maps,
 * lists, strings, integers and booleans, which covers everything we hash.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, false);

    private CanonicalJson() {
    }

    public static String serialize(Object value) {
        try {
            return MAPPER.writeValueAsString(canonical(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be written as canonical JSON", e);
        }
    }

    public static String sha256Hex(Object value) {
        return sha256Hex(serialize(value));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Object canonical(Object value) {
        if (value instanceof String text) {
            return Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, entry) -> {
                if (entry != null) {
                    sorted.put(Normalizer.normalize(key.toString(), Normalizer.Form.NFC), canonical(entry));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(canonical(item)));
            return items;
        }
        if (value == null || value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("Not a canonical JSON value: " + value.getClass().getName());
    }
}
