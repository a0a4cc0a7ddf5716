package org.custodia.referral;

/**
 * A request to keep the person apart from another one: a person of another referral (by its external reference)
 * or a prisoner already held (by prisoner number).
 */
public record KeepApart(String externalReference, String prisonerNumber, Reason reason) {

    public enum Reason {
        GANG_RELATED, VIOLENCE, THREAT, BULLYING, ORGANISED_CRIME, LEGAL_REQUEST, OTHER
    }
}
