package org.custodia.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** The published codes: one enum per module, unique across modules, and the README's table says the same. */
class ProblemCodesTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| (\\d{3}) \\| ([a-z]+) \\|");

    static List<ProblemCode> allCodes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProblemCode.class));
        List<ProblemCode> codes = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.custodia")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    codes.add((ProblemCode) constant);
                }
            }
        }
        return codes;
    }

    @Test
    void everyModuleHasItsEnumAndNoCodeIsDefinedTwice() throws Exception {
        List<ProblemCode> codes = allCodes();
        assertThat(codes).extracting(ProblemCode::code).doesNotHaveDuplicates();
        assertThat(codes).extracting(ProblemCode::code).allMatch(c -> c.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*"));
        assertThat(codes).extracting(ProblemCode::code).contains("VALIDATION_FAILED", "REFERRAL_NOT_ELIGIBLE");
        assertThat(codes).allMatch(c -> c.title() != null && !c.title().isBlank());
    }

    @Test
    void theReadmeTableListsExactlyTheCodesOfTheEnums() throws Exception {
        Map<String, String> inReadme = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                inReadme.put(m.group(1), m.group(2) + " " + m.group(3));
            }
        }
        Map<String, String> inCode = new TreeMap<>();
        for (ProblemCode code : allCodes()) {
            String module = code.getClass().getPackageName().replace("org.custodia.", "");
            inCode.put(code.code(), code.status().value() + " " + module);
        }
        assertThat(inReadme).isEqualTo(inCode);
    }

    @Test
    void aModuleKeepsItsCodesInOneEnum() throws Exception {
        Map<String, String> enumOfModule = new HashMap<>();
        for (ProblemCode code : allCodes()) {
            String module = code.getClass().getPackageName();
            String previous = enumOfModule.putIfAbsent(module, code.getClass().getName());
            assertThat(previous == null || previous.equals(code.getClass().getName()))
                    .as("module %s has more than one problem enum", module).isTrue();
        }
    }
}
