package org.custodia.agreement;

import java.util.List;
import java.util.Optional;

/** Read access to agreements for the other modules. */
public interface Agreements {

    Optional<Agreement> find(String code);

    List<Agreement> all();
}
