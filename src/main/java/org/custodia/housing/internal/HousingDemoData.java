package org.custodia.housing.internal;

import java.util.ArrayList;
import java.util.List;
import org.custodia.housing.internal.rules.RivalryMatrix;
import org.custodia.housing.internal.rules.Scope;
import org.custodia.ledger.Ledger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** CECOT's rivalry matrix: MS-13, both Barrio 18 factions and Tren de Aragua kept apart from each other by module. */
@Component
@Profile("demo")
@Order(35)
class HousingDemoData implements ApplicationRunner {

    static final List<String> RIVALS = List.of("MS13", "BARRIO_18_SURENOS", "BARRIO_18_REVOLUCIONARIOS", "TREN_DE_ARAGUA");

    private final RuleStore rules;
    private final Ledger ledger;

    HousingDemoData(RuleStore rules, Ledger ledger) {
        this.rules = rules;
        this.ledger = ledger;
    }

    static List<RivalryMatrix.Rivalry> matrix() {
        List<RivalryMatrix.Rivalry> entries = new ArrayList<>();
        for (int i = 0; i < RIVALS.size(); i++) {
            for (int j = i + 1; j < RIVALS.size(); j++) {
                entries.add(new RivalryMatrix.Rivalry(RIVALS.get(i), RIVALS.get(j), Scope.MODULE));
            }
        }
        return entries;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!rules.matrix("CECOT").entries().isEmpty()) {
            return;
        }
        rules.replaceMatrix("CECOT", matrix());
        ledger.appendAs("system", "HOUSING_RIVALRIES_SET", "FACILITY", "CECOT", matrix());
    }
}
