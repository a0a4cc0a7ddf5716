package org.custodia.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.custodia.common.ApiException;
import org.custodia.referral.Conviction;
import org.custodia.referral.Dossier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CsvReferralFormatTest {

    private final CsvReferralFormat format = new CsvReferralFormat(JsonMapper.builder().build());

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<CsvReferralFormat.Record> records = format.records(
                "\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3");
        assertThat(records).hasSize(3);
        assertThat(records.get(0).fields()).as("the byte order mark is no part of the first column")
                .containsExactly("a", "b", "c");
        assertThat(records.get(1).fields()).containsExactly("x, y", "say \"hi\"", "two\nlines");
        assertThat(records.get(2).line()).as("the line a record starts on").isEqualTo(4);
        assertThat(records.get(2).fields()).containsExactly("1", "", "3");
        assertThatThrownBy(() -> format.records("a\n\"open")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).extracting(p -> p.code()).containsExactly("MALFORMED_CSV"));
    }

    @Test
    void theDocumentedExampleIsOneValidReferralWithTwoConvictions() throws Exception {
        String doc = Files.readString(Path.of("docs/referral-import.md"));
        String csv = doc.substring(doc.indexOf("```csv\n") + 7, doc.indexOf("```", doc.indexOf("```csv\n") + 7));
        CsvReferralFormat.Parsed parsed = format.read(csv);
        assertThat(parsed.rows()).isEqualTo(2);
        assertThat(parsed.candidates()).hasSize(1);
        ImportCandidate candidate = parsed.candidates().get(0);
        assertThat(candidate.problems()).isEmpty();
        assertThat(candidate.lines()).containsExactly(2, 3);
        ReferralParser.Result result = ReferralParser.parse(candidate.body(), LocalDate.of(2026, 11, 28));
        assertThat(result.problems()).isEmpty();
        Dossier dossier = result.dossier();
        assertThat(dossier.person().identityDocuments().get(0).number()).isEqualTo("V12345678");
        assertThat(dossier.convictions()).extracting(Conviction::relation)
                .containsExactly(Conviction.Relation.CONCURRENT, Conviction.Relation.CONSECUTIVE);
        assertThat(dossier.convictions().get(0).court()).isEqualTo("U.S. District Court, S.D. Tex.");
        assertThat(dossier.gangAffiliation().verified()).isNull();
        assertThat(dossier.medical().fitToTravel()).isTrue();
        assertThat(dossier.consularNotificationRequested()).isTrue();
    }

    @Test
    void everyColumnOfTheFormatIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/referral-import.md"));
        CsvReferralFormat.REFERRAL_COLUMNS.keySet().forEach(c -> assertThat(doc).contains("| `" + c + "` |"));
        CsvReferralFormat.CONVICTION_COLUMNS.keySet().forEach(c -> assertThat(doc).contains("| `" + c + "` |"));
        CsvReferralFormat.REFERRAL_COLUMNS.keySet().forEach(c -> assertThat(ReferralController.IMPORT_DESCRIPTION).contains(c));
        CsvReferralFormat.CONVICTION_COLUMNS.keySet().forEach(c -> assertThat(ReferralController.IMPORT_DESCRIPTION).contains(c));
    }

    @Test
    void aHeaderWithUnknownColumnsIsRefusedWhole() {
        assertThatThrownBy(() -> format.read("externalReference,colour,colour\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(p -> p.code())
                        .containsExactly("UNKNOWN_COLUMN", "UNKNOWN_COLUMN"));
        assertThatThrownBy(() -> format.read("givenNames\nX\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(p -> p.code())
                        .containsExactly("REQUIRED"));
    }
}
