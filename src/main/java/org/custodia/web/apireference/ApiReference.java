package org.custodia.web.apireference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.identity.Allowed;
import org.custodia.identity.Role;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API reference as the console shows it: the tags and operations of the OpenAPI document springdoc produces,
 * each operation with the roles its {@link Allowed} permission admits (read from the handler methods, so that the page
 * and the authorization rules cannot drift apart).
 */
@Component
class ApiReference {

    /** A piece of a summary: plain words, or a literal value of the contract (a code, an enum value). */
    record Segment(String text, boolean literal) {
    }

    /** One operation: {@code roles} empty means every signed-in user. */
    record Operation(String method, String path, List<Segment> summary, List<Role> roles) {
    }

    record Tag(String name, String anchor, String description, List<Operation> operations) {
    }

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final Pattern ROLE_LIST = Pattern.compile("\\s*\\(((?:[A-Z_]+)(?:,\\s*[A-Z_]+)*)\\)");
    private static final Pattern LITERAL = Pattern.compile("(?<![A-Za-z0-9_{])[A-Z][A-Z0-9_]+(?:\\|[A-Z][A-Z0-9_]+)*(?![A-Za-z0-9_}])");
    private static final Set<String> WORDS = Set.of("JSON", "PDF", "CSV", "RFC", "API", "URL", "HTTP", "HTTPS",
            "UUID", "ISO", "ID", "OK", "A", "I");

    private final RequestMappingHandlerMapping mappings;
    private final JsonMapper json = JsonMapper.builder().build();

    ApiReference(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /** The tags in the document's order of their first operation's path, their operations in path order. */
    List<Tag> tags(byte[] openApiDocument) {
        JsonNode document = json.readTree(openApiDocument);
        Map<String, Set<Role>> roles = roles();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (JsonNode tag : document.path("tags")) {
            descriptions.put(tag.path("name").asString(), tag.path("description").asString(""));
        }
        Map<String, List<Operation>> byTag = new LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> paths = new ArrayList<>(document.path("paths").properties());
        paths.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, JsonNode> path : paths) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String verb = method.toUpperCase(Locale.ROOT);
                Set<Role> allowed = roles.getOrDefault(verb + " " + path.getKey(), Set.of());
                List<Role> sorted = allowed.size() == Role.values().length ? List.of()
                        : allowed.stream().sorted(Comparator.comparing(Enum::ordinal)).toList();
                Operation op = new Operation(verb, path.getKey(), segments(operation.path("summary").asString("")), sorted);
                String tag = operation.path("tags").isEmpty() ? "API" : operation.path("tags").get(0).asString();
                byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(op);
            }
        }
        List<Tag> tags = new ArrayList<>();
        byTag.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> tags.add(new Tag(e.getKey(),
                "tag-" + e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                descriptions.getOrDefault(e.getKey(), ""), e.getValue())));
        return tags;
    }

    /** The summary without its list of roles (the page shows them translated), its literal values marked. */
    static List<Segment> segments(String summary) {
        Matcher roleList = ROLE_LIST.matcher(summary);
        StringBuilder without = new StringBuilder();
        while (roleList.find()) {
            boolean allRoles = true;
            for (String name : roleList.group(1).split(",\\s*")) {
                allRoles &= isRole(name);
            }
            roleList.appendReplacement(without, allRoles ? "" : Matcher.quoteReplacement(roleList.group()));
        }
        roleList.appendTail(without);
        String text = without.toString().trim();
        List<Segment> segments = new ArrayList<>();
        Matcher literal = LITERAL.matcher(text);
        int at = 0;
        while (literal.find()) {
            if (WORDS.contains(literal.group())) {
                continue;
            }
            if (literal.start() > at) {
                segments.add(new Segment(text.substring(at, literal.start()), false));
            }
            segments.add(new Segment(literal.group(), true));
            at = literal.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), false));
        }
        return segments;
    }

    private static boolean isRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** "METHOD /path" of every handler with an {@link Allowed} permission, and the roles it admits. */
    private Map<String, Set<Role>> roles() {
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Allowed.class);
            if (allowed == null) {
                allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allowed.class);
            }
            if (allowed == null) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            Set<String> patterns = info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                for (RequestMethod method : methods.isEmpty() ? EnumSet.allOf(RequestMethod.class) : methods) {
                    roles.put(method.name() + " " + pattern, EnumSet.copyOf(allowed.value().roles()));
                }
            }
        }
        return roles;
    }
}
