package org.custodia.sentence.internal;

import java.util.Locale;
import java.util.Map;

/**
 * The breakdown's sentences in English and Spanish, keyed by a text key (mostly the step code). Arguments are
 * already formatted strings or integers; dates are ISO (yyyy-MM-dd) in both languages.
 */
final class Texts {

    private record Text(String en, String es) {
    }

    private static final Map<String, Text> TEXTS = Map.ofEntries(
            // units
            Map.entry("year", new Text("%d year", "%d año")),
            Map.entry("years", new Text("%d years", "%d años")),
            Map.entry("month", new Text("%d month", "%d mes")),
            Map.entry("months", new Text("%d months", "%d meses")),
            Map.entry("day", new Text("%d day", "%d día")),
            Map.entry("days", new Text("%d days", "%d días")),
            Map.entry("life", new Text("life", "cadena perpetua")),
            Map.entry("and", new Text(" and ", " y ")),
            Map.entry("sanction", new Text("%d sanction", "%d sanción")),
            Map.entry("sanctions", new Text("%d sanctions", "%d sanciones")),

            // the term (both regimes)
            Map.entry("COMPUTATION", new Text(
                    "Computation %1$d of %2$d: term %3$s, running from its own start date.",
                    "Cómputo %1$d de %2$d: condena %3$s, que corre desde su propia fecha de inicio.")),
            Map.entry("COMPUTATION_AGGREGATE", new Text(
                    "Computation %1$d of %2$d: terms %3$s, each consecutive to the one before, computed as one aggregate term (18 U.S.C. 3584(c)).",
                    "Cómputo %1$d de %2$d: condenas %3$s, cada una consecutiva a la anterior, computadas como una sola pena total (18 U.S.C. 3584(c)).")),
            Map.entry("TERM_IMPOSED", new Text("Term imposed: %1$s.", "Pena impuesta: %1$s.")),
            Map.entry("AGGREGATE_TERM", new Text(
                    "Aggregate term: %1$s = %2$s (years, months and days added up).",
                    "Pena total: %1$s = %2$s (se suman años, meses y días).")),
            Map.entry("CONSECUTIVE_START_NOT_USED", new Text(
                    "Term %1$d is consecutive: its own start date %2$s is not used; the aggregate term runs from %3$s.",
                    "La condena %1$d es consecutiva: no se usa su propia fecha de inicio %2$s; la pena total corre desde el %3$s.")),
            Map.entry("SENTENCE_START", new Text(
                    "The sentence commences on %1$s (18 U.S.C. 3585(a)).",
                    "La condena comienza el %1$s (18 U.S.C. 3585(a)).")),
            Map.entry("TERM_END", new Text(
                    "Start + term imposed = %1$s + %2$s = %3$s (the day after the last day of the term).",
                    "Inicio + pena impuesta = %1$s + %2$s = %3$s (el día siguiente al último día de la pena).")),
            Map.entry("JAIL_CREDIT", new Text(
                    "Jail credit (prior custody, 18 U.S.C. 3585(b)): %1$s.",
                    "Abono por prisión preventiva (18 U.S.C. 3585(b)): %1$s.")),
            Map.entry("JAIL_CREDIT_AGGREGATE", new Text(
                    "Jail credit (prior custody, 18 U.S.C. 3585(b)) of the aggregated terms: %1$s = %2$s.",
                    "Abono por prisión preventiva (18 U.S.C. 3585(b)) de las condenas sumadas: %1$s = %2$s.")),
            Map.entry("FULL_TERM_DATE", new Text(
                    "Full term date = %1$s - 1 day - %2$s of jail credit = %3$s.",
                    "Fecha de cumplimiento íntegro = %1$s - 1 día - %2$s de abono = %3$s.")),
            Map.entry("LIFE", new Text(
                    "A life sentence has no full term date and earns no good conduct time (18 U.S.C. 3624(b)): no release date is computed.",
                    "Una cadena perpetua no tiene fecha de cumplimiento íntegro ni genera abono por buena conducta (18 U.S.C. 3624(b)): no se calcula fecha de excarcelación.")),

            // US federal: good conduct time
            Map.entry("GCT_RATE", new Text(
                    "Good conduct time rate: %1$d days for each year of the term imposed (18 U.S.C. 3624(b), 28 CFR 523.20).",
                    "Tasa de abono por buena conducta: %1$d días por cada año de la pena impuesta (18 U.S.C. 3624(b), 28 CFR 523.20).")),
            Map.entry("GCT_RATE_42", new Text(
                    "Good conduct time rate: 42 days for each year of the term imposed (no high-school diploma or GED and not making progress toward one, 28 CFR 523.20).",
                    "Tasa de abono por buena conducta: 42 días por cada año de la pena impuesta (sin diploma de secundaria ni GED y sin avanzar hacia uno, 28 CFR 523.20).")),
            Map.entry("GCT_RATE_0", new Text(
                    "Good conduct time rate: 0 days (as requested): no good conduct time is counted.",
                    "Tasa de abono por buena conducta: 0 días (según lo pedido): no se computa abono.")),
            Map.entry("GCT_NOT_ELIGIBLE", new Text(
                    "Start + term imposed (%1$s) is not later than start + 1 year (%2$s): the term is not more than one year, so it earns no good conduct time (18 U.S.C. 3624(b)).",
                    "Inicio + pena impuesta (%1$s) no es posterior a inicio + 1 año (%2$s): la pena no supera un año y no genera abono por buena conducta (18 U.S.C. 3624(b)).")),
            Map.entry("WHOLE_YEARS", new Text(
                    "Whole years imposed: %1$d (%2$s + %6$s = %3$s, not later than %4$s; one year more would be %5$s).",
                    "Años completos impuestos: %1$d (%2$s + %6$s = %3$s, no posterior a %4$s; un año más sería %5$s).")),
            Map.entry("PARTIAL_YEAR_DAYS", new Text(
                    "Partial final year: from %1$s to %2$s inclusive = %3$s (counted on the term imposed: jail credit does not change good conduct time).",
                    "Año final parcial: del %1$s al %2$s, ambos incluidos = %3$s (sobre la pena impuesta: el abono por prisión preventiva no cambia el abono por buena conducta).")),
            Map.entry("PARTIAL_YEAR_NONE", new Text(
                    "No partial final year: the term is a whole number of years.",
                    "No hay año final parcial: la pena es un número entero de años.")),
            Map.entry("GCT_WHOLE_YEARS", new Text(
                    "Good conduct time for the whole years: %1$d days x %2$d = %3$d days.",
                    "Abono por los años completos: %1$d días x %2$d = %3$d días.")),
            Map.entry("GCT_PARTIAL_YEAR", new Text(
                    "Good conduct time for the partial year, prorated and rounded down: floor(%1$d x %2$d / 365) = %3$d days.",
                    "Abono por el año parcial, prorrateado y redondeado hacia abajo: parte entera de (%1$d x %2$d / 365) = %3$d días.")),
            Map.entry("GCT_TOTAL", new Text(
                    "Good conduct time, the most that can be earned (assumed for the projection): %1$d + %2$d = %3$d days.",
                    "Abono por buena conducta, el máximo que puede ganarse (supuesto para la proyección): %1$d + %2$d = %3$d días.")),
            Map.entry("FORFEITURE", new Text(
                    "Good conduct time forfeited by the disciplinary sanction of %1$s: %2$s (%3$s).",
                    "Abono perdido por la sanción disciplinaria del %1$s: %2$s (%3$s).")),
            Map.entry("FORFEITURE_NO_GCT", new Text(
                    "The disciplinary sanction of %1$s (%2$s, %3$s) takes nothing: this computation earns no good conduct time.",
                    "La sanción disciplinaria del %1$s (%2$s, %3$s) no quita nada: este cómputo no genera abono por buena conducta.")),
            Map.entry("FORFEITURE_CAPPED", new Text(
                    "The sanctions add up to %1$s, more than the %2$s of good conduct time: %2$s are forfeited.",
                    "Las sanciones suman %1$s, más que los %2$s de abono: se pierden %2$s.")),
            Map.entry("GCT_AFTER_FORFEITURE", new Text(
                    "Good conduct time after forfeiture: %1$d - %2$d = %3$d days.",
                    "Abono tras las pérdidas: %1$d - %2$d = %3$d días.")),
            Map.entry("FORFEITURE_NOT_APPLIED", new Text(
                    "The disciplinary sanction of %1$s (%2$s, %3$s) falls outside every computation (from its start to its full term date): it is not applied.",
                    "La sanción disciplinaria del %1$s (%2$s, %3$s) queda fuera de todo cómputo (de su inicio a su fecha de cumplimiento íntegro): no se aplica.")),
            Map.entry("PROJECTED_RELEASE_DATE", new Text(
                    "Projected release date = full term date - good conduct time = %1$s - %2$s = %3$s.",
                    "Fecha de excarcelación proyectada = fecha de cumplimiento íntegro - abono = %1$s - %2$s = %3$s.")),
            Map.entry("RELEASE_DATE", new Text(
                    "%1$s is a %2$s and not a federal holiday: the release date is %1$s.",
                    "El %1$s es %2$s y no es feriado federal: la fecha de excarcelación es el %1$s.")),
            Map.entry("RELEASE_DATE_ADJUSTED", new Text(
                    "%1$s; the person may be released on the last preceding weekday that is not a federal holiday (18 U.S.C. 3624(a)): %2$s, a %3$s.",
                    "%1$s; la persona puede ser excarcelada el último día hábil anterior que no sea feriado federal (18 U.S.C. 3624(a)): el %2$s, %3$s.")),
            Map.entry("SKIPPED_WEEKEND", new Text("%1$s is a %2$s", "el %1$s es %2$s")),
            Map.entry("SKIPPED_HOLIDAY", new Text("%1$s is %2$s, a federal holiday", "el %1$s es feriado federal (%2$s)")),
            Map.entry("SKIPPED_HOLIDAY_OBSERVED", new Text(
                    "%1$s is the observed day of %2$s (%3$s), a federal holiday",
                    "el %1$s es feriado federal (%2$s, que cae el %3$s)")),

            // several computations
            Map.entry("GOVERNING_RELEASE", new Text(
                    "The latest release governs: computation %1$d, release date %2$s.",
                    "Rige la excarcelación más tardía: cómputo %1$d, fecha de excarcelación %2$s.")),
            Map.entry("GOVERNING_LIFE", new Text(
                    "Computation %1$d is a life sentence and governs: no release date.",
                    "El cómputo %1$d es una cadena perpetua y rige: no hay fecha de excarcelación.")),

            // no credits
            Map.entry("NO_CREDITS", new Text(
                    "This regime grants no good conduct time or other credit: the release is at the full term date.",
                    "Este régimen no concede abono por buena conducta ni otros créditos: la excarcelación es en la fecha de cumplimiento íntegro.")),
            Map.entry("FORFEITURE_NOT_APPLICABLE", new Text(
                    "Disciplinary sanctions given: %1$s; with no good conduct time under this regime they change nothing.",
                    "Sanciones disciplinarias indicadas: %1$s; sin abono por buena conducta en este régimen no cambian nada.")),
            Map.entry("RELEASE_AT_FULL_TERM", new Text(
                    "Release date = full term date = %1$s (this regime does not move a release off weekends or holidays).",
                    "Fecha de excarcelación = fecha de cumplimiento íntegro = %1$s (este régimen no mueve la excarcelación por fines de semana ni feriados).")));

    private Texts() {
    }

    static String text(Language language, String key, Object... args) {
        Text text = TEXTS.get(key);
        if (text == null) {
            throw new IllegalArgumentException("No text " + key);
        }
        return String.format(Locale.ROOT, language == Language.ES ? text.es() : text.en(), args);
    }

    /** All text keys, for the test that every text exists in both languages. */
    static java.util.Set<String> keys() {
        return TEXTS.keySet();
    }
}
