package org.leadrelay.referral;

/** Why a deal was lost (optional when marking a referral lost). */
public enum LostReason {

	LostToCompetitor, NoBudget, NoDecision, Price, Other

}
