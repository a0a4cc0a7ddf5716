package org.custodia.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The people of the demo story, generated from a fixed seed: given and family names from lists of common Spanish,
 * Venezuelan and Salvadoran names, never a real person's record. The totals follow what was reported of the flights
 * of 15–16 March 2025; every individual detail (names, dates, courts, case numbers) is invented.
 */
final class Roster {

    static final String AGREEMENT = "US-SV-2025";
    static final String NATIONAL = "SV-NACIONAL";

    /** As reported: 238 Venezuelans and 23 Salvadorans on the flights of 15–16 March 2025. */
    static final int VENEZUELANS = 238;
    static final int SALVADORANS = 23;
    /** Venezuelans with a US conviction: a small share. */
    static final int VENEZUELANS_CONVICTED = 32;
    /** Of those, serving a US sentence under a court's judgment and commitment: the agreement is met. */
    static final int VENEZUELANS_SERVING = 6;
    /** Salvadorans with a final US conviction, a commitment order and years to serve: the agreement is met. */
    static final int SALVADORANS_ELIGIBLE = 5;
    /** Salvadorans convicted in the US with the judgment under appeal (not final): held without meeting the agreement. */
    static final int SALVADORANS_ON_APPEAL = 2;

    static final Instant ARRIVAL = Instant.parse("2025-03-16T01:30:00Z");
    static final Instant RELEASE = Instant.parse("2025-07-18T16:00:00Z");

    private static final String[] GIVEN = {"José", "Luis", "Carlos", "Jesús", "Miguel", "Ángel", "Jorge", "Daniel",
            "Andrés", "Eduardo", "Rafael", "Víctor", "Alejandro", "Manuel", "Francisco", "Javier", "Ricardo", "Óscar",
            "Wilmer", "Yorman", "Jhonny", "Deivis", "Anderson", "Kelvin", "Yeferson", "Franklin", "Reinaldo", "Gustavo",
            "Omar", "Néstor", "Edgar", "Wilfredo", "Nelson", "Santos", "René", "Mauricio", "Walter", "Marvin", "Elmer",
            "Douglas", "Ernesto", "Rodrigo", "Julio", "César", "Samuel", "Héctor", "Ramón", "Adrián", "Iván", "Raúl"};
    private static final String[] FAMILY = {"González", "Rodríguez", "Pérez", "Hernández", "García", "Martínez",
            "López", "Sánchez", "Ramírez", "Díaz", "Torres", "Rojas", "Flores", "Morales", "Medina", "Castillo",
            "Gutiérrez", "Mendoza", "Rivas", "Suárez", "Contreras", "Guerrero", "Colmenares", "Briceño", "Quintero",
            "Villalobos", "Márquez", "Salazar", "Chacón", "Ortega", "Portillo", "Menjívar", "Argueta", "Orellana",
            "Alvarado", "Escobar", "Mejía", "Ayala", "Henríquez", "Quintanilla", "Zelaya", "Cornejo", "Rosales",
            "Aguilar", "Romero", "Vásquez", "Fuentes", "Molina", "Lemus", "Campos"};
    private static final String[] US_STATE_COURTS = {"Harris County Criminal Court at Law No. 5, Texas",
            "Miami-Dade County Court, Florida", "Cook County Circuit Court, Illinois",
            "Maricopa County Justice Court, Arizona", "New York City Criminal Court, Queens County",
            "Denver County Court, Colorado"};
    private static final String[][] MINOR_OFFENCES = {{"Tex. Penal Code 31.03", "Theft (class B misdemeanor)"},
            {"Fla. Stat. 322.03", "Driving without a valid license"}, {"720 ILCS 5/16-25", "Retail theft"},
            {"A.R.S. 13-1805", "Shoplifting"}, {"N.Y. Penal Law 240.20", "Disorderly conduct"},
            {"C.R.S. 18-4-503", "Second degree criminal trespass"}};

    private final Random random;

    Roster(long seed) {
        this.random = new Random(seed);
    }

    /**
     * One person of the flights, with what the sending state could have submitted about them.
     *
     * @param held admitted at CECOT in the story: only people with a conviction and a commitment order can be
     *             (custody admits nobody without them, Mandela Rule 7); the others are refused referrals
     */
    record Flown(int index, String nationality, Map<String, Object> dossier, boolean held, boolean eligible,
                 String group) {
    }

    /** The 261 people of the flights, Venezuelans first. */
    List<Flown> flights() {
        List<Flown> people = new ArrayList<>();
        for (int i = 0; i < VENEZUELANS; i++) {
            boolean convicted = i < VENEZUELANS_CONVICTED;
            boolean serving = i < VENEZUELANS_SERVING;
            Map<String, Object> d = dossier(AGREEMENT, String.format("DHS-AEA-2025-%04d", i + 1), "VE",
                    passport("VE", i), LocalDate.of(1980 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28)));
            List<Map<String, Object>> convictions = new ArrayList<>();
            if (serving) {
                LocalDate on = LocalDate.of(2023, 2, 1).plusDays(random.nextInt(400));
                convictions.add(conviction("U.S. District Court, Western District of Texas", "US",
                        String.format("5:%02d-cr-%05d", on.getYear() % 100, 500 + i), "21 USC 841",
                        "Possession with intent to distribute", on, 5 + random.nextInt(6), 0, 100 + random.nextInt(150)));
                d.put("commitmentOrder", Map.of("reference", String.format("JC-2025-02%02d", i + 1),
                        "issuingAuthority", "U.S. District Court, W.D. Tex.", "issuedOn", "2025-03-07"));
            } else if (convicted) {
                int court = random.nextInt(US_STATE_COURTS.length);
                LocalDate on = LocalDate.of(2023, 1, 10).plusDays(random.nextInt(500));
                convictions.add(conviction(US_STATE_COURTS[court], "US", String.format("CR-%d-%06d", on.getYear(), 4000 + i),
                        MINOR_OFFENCES[court][0], MINOR_OFFENCES[court][1], on, 0, 1 + random.nextInt(6), 0));
            }
            d.put("convictions", convictions);
            d.put("legalBasis", serving ? "Agreement US-SV-2025, article 3"
                    : "Alien Enemies Act proclamation of March 2025 (no ground of the agreement)");
            d.put("gangAffiliation", Map.of("group", "TREN_DE_ARAGUA", "source",
                    "Alleged by DHS under the Alien Enemies Act proclamation", "verified", false));
            d.put("consularNotificationRequested", true);
            people.add(new Flown(i, "VE", d, serving, serving, "TREN_DE_ARAGUA"));
        }
        for (int i = 0; i < SALVADORANS; i++) {
            boolean eligible = i < SALVADORANS_ELIGIBLE;
            boolean onAppeal = !eligible && i < SALVADORANS_ELIGIBLE + SALVADORANS_ON_APPEAL;
            Map<String, Object> d = dossier(AGREEMENT, String.format("DHS-MS13-2025-%03d", i + 1), "SV",
                    dui(900_000 + i), LocalDate.of(1978 + random.nextInt(22), 1 + random.nextInt(12), 1 + random.nextInt(28)));
            List<Map<String, Object>> convictions = new ArrayList<>();
            if (eligible) {
                LocalDate on = LocalDate.of(2022, 3, 1).plusDays(random.nextInt(600));
                convictions.add(conviction("U.S. District Court, Eastern District of New York", "US",
                        String.format("2:%02d-cr-%05d", on.getYear() % 100, 300 + i), "18 USC 1962(d)",
                        "Racketeering conspiracy", on, 12 + random.nextInt(9), 0, 240 + random.nextInt(200)));
                d.put("commitmentOrder", Map.of("reference", String.format("CO-2025-03%02d", i + 1),
                        "issuingAuthority", "U.S. District Court, E.D.N.Y.", "issuedOn", "2025-03-10"));
                d.put("legalBasis", "Agreement US-SV-2025, article 3");
            } else if (onAppeal) {
                LocalDate on = LocalDate.of(2024, 6, 1).plusDays(random.nextInt(120));
                Map<String, Object> c = conviction("U.S. District Court, District of Maryland", "US",
                        String.format("8:%02d-cr-%05d", on.getYear() % 100, 700 + i), "18 USC 1959",
                        "Violent crime in aid of racketeering", on, 15, 0, 200);
                c.put("judgmentFinal", false);
                c.remove("finalSince");
                convictions.add(c);
                d.put("commitmentOrder", Map.of("reference", String.format("JC-2025-03%02d", i + 1),
                        "issuingAuthority", "U.S. District Court, D. Md.", "issuedOn", "2025-03-12"));
                d.put("legalBasis", "Agreement US-SV-2025, article 3 (judgment under appeal)");
            } else {
                d.put("legalBasis", "Removal order; wanted in El Salvador (no ground of the agreement)");
            }
            d.put("convictions", convictions);
            d.put("gangAffiliation", Map.of("group", "MS13", "source", eligible
                    ? "U.S. conviction for racketeering conspiracy (MS-13)" : "Alleged by DHS", "verified", eligible));
            // a national of El Salvador received in El Salvador: Vienna Art. 36 does not apply
            d.put("consularNotificationRequested", false);
            people.add(new Flown(VENEZUELANS + i, "SV", d, eligible || onAppeal, eligible, "MS13"));
        }
        return people;
    }

    /** One of CECOT's own prisoners: convicted by a Salvadoran court, admitted between February 2023 and March 2025. */
    record Held(int index, String group, Map<String, Object> dossier, Instant admittedAt) {
    }

    List<Held> population(int size) {
        List<Held> people = new ArrayList<>();
        Instant first = Instant.parse("2023-02-24T12:00:00Z");
        long span = Duration.between(first, Instant.parse("2025-03-01T00:00:00Z")).toMinutes();
        List<Instant> admissions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            admissions.add(first.plus(Duration.ofMinutes((long) (random.nextDouble() * span))));
        }
        admissions.sort(null);
        for (int i = 0; i < size; i++) {
            String group = i % 5 < 3 ? "MS13" : i % 5 == 3 ? "BARRIO_18_SURENOS" : "BARRIO_18_REVOLUCIONARIOS";
            Instant admitted = admissions.get(i);
            LocalDate admittedOn = LocalDate.ofInstant(admitted, java.time.ZoneOffset.UTC);
            Map<String, Object> d = dossier(NATIONAL, String.format("DGCP-CECOT-%06d", i + 1), "SV", dui(100_000 + i),
                    LocalDate.of(1975 + random.nextInt(27), 1 + random.nextInt(12), 1 + random.nextInt(28)));
            LocalDate convicted = admittedOn.minusDays(90 + random.nextInt(900));
            LocalDate arrested = convicted.minusDays(200 + random.nextInt(500));
            Map<String, Object> c = conviction(i % 2 == 0 ? "Tribunal Primero Contra el Crimen Organizado, San Salvador"
                            : "Tribunal Especializado de Sentencia, San Miguel", "SV",
                    String.format("TCO-%d-%05d", convicted.getYear(), i + 1), "CP Art. 345", "Agrupaciones ilícitas",
                    convicted, 10 + random.nextInt(36), 0, 0);
            c.put("sentenceStartDate", arrested.toString());
            d.put("convictions", List.of(c));
            d.put("commitmentOrder", Map.of("reference", String.format("OI-%d-%05d", admittedOn.getYear(), i + 1),
                    "issuingAuthority", "Juzgado de Vigilancia Penitenciaria y de Ejecución de la Pena, San Salvador",
                    "issuedOn", admittedOn.minusDays(3).toString()));
            d.put("legalBasis", "Sentencia firme de un tribunal de El Salvador");
            d.put("gangAffiliation", Map.of("group", group, "source", "Sentencia firme (agrupaciones ilícitas)",
                    "verified", true));
            d.put("consularNotificationRequested", false);
            people.add(new Held(i, group, d, admitted));
        }
        return people;
    }

    private Map<String, Object> dossier(String agreement, String reference, String nationality,
                                        Map<String, Object> document, LocalDate born) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreementCode", agreement);
        body.put("externalReference", reference);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("givenNames", pick(GIVEN) + (random.nextInt(3) == 0 ? "" : " " + pick(GIVEN)));
        person.put("familyNames", pick(FAMILY) + " " + pick(FAMILY));
        person.put("aliases", List.of());
        person.put("dateOfBirth", born.toString());
        person.put("sex", "MALE");
        person.put("nationalities", List.of(nationality));
        person.put("identityDocuments", List.of(document));
        person.put("biometricReference", "DEMO-BIO-" + reference);
        body.put("person", person);
        body.put("proposedSecurityLevel", "MAXIMUM");
        body.put("medical", Map.of("fitToTravel", true, "conditions", List.of(), "medication", List.of()));
        body.put("consent", "NOT_ASKED");
        return body;
    }

    private static Map<String, Object> passport(String country, int i) {
        return Map.of("type", "PASSPORT", "number", String.format("DEMO-%s-%07d", country, 1_000_000 + i),
                "issuingCountry", country);
    }

    /** A generated DUI (El Salvador's identity document), marked as the demo's. */
    private static Map<String, Object> dui(int n) {
        return Map.of("type", "NATIONAL_ID", "number", String.format("DEMO-%08d-%d", n, n % 10), "issuingCountry", "SV");
    }

    private static Map<String, Object> conviction(String court, String country, String caseNumber, String code,
                                                  String description, LocalDate on, int years, int months,
                                                  int jailCredit) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("court", court);
        c.put("country", country);
        c.put("caseNumber", caseNumber);
        c.put("offences", List.of(Map.of("code", code, "description", description)));
        c.put("convictionDate", on.toString());
        c.put("judgmentFinal", true);
        c.put("finalSince", on.plusDays(45).toString());
        c.put("sentence", Map.of("years", years, "months", months, "days", 0, "life", false));
        c.put("sentenceStartDate", on.toString());
        c.put("jailCreditDays", jailCredit);
        c.put("relation", "CONCURRENT");
        return c;
    }

    private String pick(String[] names) {
        return names[random.nextInt(names.length)];
    }
}
