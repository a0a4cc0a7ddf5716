package org.custodia.common;

/** One failing field of a request: the JSON path of the field, a stable code and a readable message. */
public record FieldProblem(String field, String code, String message) implements java.io.Serializable {
}
