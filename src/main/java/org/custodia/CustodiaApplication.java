package org.custodia;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(systemName = "Custodia", sharedModules = "common")
public class CustodiaApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            // The offline verifier of the ledger: no web application, no database (see docs/verifying.md).
            System.exit(org.custodia.ledger.tlog.LogVerifier.run(args, System.out));
        }
        SpringApplication.run(CustodiaApplication.class, args);
    }
}
