package org.imprimatur.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imprimatur.article.ContentInput;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.JsonPaths;
import org.imprimatur.infrastructure.JsonTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one line of a library into a {@link LibraryLine} with the service's JSON reader, so that the
 * content is read exactly as a create reads it; what cannot be read is reported against its field,
 * as a create's 400 would report it.
 */
final class LibraryLines {

    /** The line read, or what kept it from being read. */
    record Read(LibraryLine line, List<FieldError> errors) {
    }

    private final ObjectMapper mapper;

    LibraryLines(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Read read(String text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException unparsable) {
            return failed(new FieldError("$", "is not valid JSON: " + unparsable.getOriginalMessage()));
        }
        if (!(tree instanceof ObjectNode object)) {
            return failed(new FieldError("$", "must be a JSON object: one article"));
        }
        ObjectNode facts = mapper.createObjectNode();
        for (String field : LibraryLine.FACT_FIELDS) {
            JsonNode value = object.remove(field);
            if (value != null) {
                facts.set(field, value);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        ContentInput content = convert(object, ContentInput.class, errors);
        LibraryLine.LibraryFacts read = convert(facts, LibraryLine.LibraryFacts.class, errors);
        return errors.isEmpty() ? new Read(new LibraryLine(content, read), List.of()) : new Read(null, errors);
    }

    private <T> T convert(ObjectNode node, Class<T> type, List<FieldError> errors) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException unreadable) {
            errors.add(fieldError(unreadable));
            return null;
        }
    }

    // The same words as the API's 400 answers (ProblemMappers): JSON's names, not Java's.
    private static FieldError fieldError(JsonProcessingException e) {
        if (e instanceof StreamReadException parser) {
            return new FieldError("$", "is not valid JSON: " + parser.getOriginalMessage());
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new FieldError("$", "could not be read");
        }
        String field = JsonPaths.of(mapping.getPath());
        field = field.isEmpty() ? "$" : field;
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(field, "is not a known field");
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldError(field, "must be " + JsonTypes.describe(mismatched.getTargetType()));
        }
        return new FieldError(field, "has a value that cannot be read here");
    }

    private static Read failed(FieldError error) {
        return new Read(null, List.of(error));
    }
}
