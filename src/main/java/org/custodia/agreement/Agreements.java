package org.custodia.agreement;

import java.util.List;
import java.util.Optional;
import org.custodia.identity.CurrentUser;

/** Read access to agreements for the other modules. */
public interface Agreements {

    Optional<Agreement> find(String code);

    List<Agreement> all();

    /** The agreements a user may see: a sending agency only those its state is party to. */
    List<Agreement> visibleTo(CurrentUser user);
}
