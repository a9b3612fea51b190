package org.leadrelay.referral;

/** What the customer agreed to. */
public record Consent(boolean consentToContact, boolean consentToShareInfoWithOthers) {

}
