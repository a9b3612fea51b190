package org.leadrelay.referral;

/** Through which door a change came in, as the timeline shows it. */
public enum Source {

	UI, API, SYSTEM

}
