package org.custodia.identity;

/**
 * The signed-in user and the scope of what they may see.
 *
 * @param partyCode for {@link Role#SENDING_AGENCY}: the state whose records they see
 * @param nationality for {@link Role#CONSULAR}: the nationality whose files they read
 * @param locale {@code es} or {@code en}
 */
public record CurrentUser(String username, String displayName, Role role, String partyCode, String nationality,
                          String locale) {

    /** Whether the user's role holds this permission. */
    public boolean can(Permission permission) {
        return permission.grantedTo(role);
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** True where the user's view is limited to one sending state. */
    public boolean isScopedToParty() {
        return role == Role.SENDING_AGENCY;
    }
}
