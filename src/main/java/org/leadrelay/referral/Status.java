package org.leadrelay.referral;

/** The coarse stage of a referral as the Referrals API names it. */
public enum Status {

	New, Active, Closed

}
