package org.custodia.referral;

/**
 * The group the sending state says the person belongs to, and where that claim comes from.
 *
 * @param text the group's name when {@code group} is {@link Group#OTHER}
 * @param verified whether the sending state has verified the claim (a conviction, an admission), not only asserted it
 */
public record GangAffiliation(Group group, String text, String source, Boolean verified) {

    public enum Group {
        MS13, BARRIO_18_SURENOS, BARRIO_18_REVOLUCIONARIOS, TREN_DE_ARAGUA, NONE, OTHER
    }
}
