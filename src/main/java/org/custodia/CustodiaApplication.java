package org.custodia;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(systemName = "Custodia", sharedModules = "common")
public class CustodiaApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustodiaApplication.class, args);
    }
}
