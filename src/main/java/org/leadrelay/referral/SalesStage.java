package org.leadrelay.referral;

/**
 * Where the sender's sales process stands with the customer, as the Referrals API names
 * it. LeadRelay keeps it for integrations; its own lifecycle is the status.
 */
public enum SalesStage {

	Qualify, Develop, Propose, Close

}
