package org.leadrelay.referral;

/**
 * A referral seen from the caller: partners receive (Incoming), the vendor sends
 * (Outgoing).
 */
public enum Direction {

	Incoming, Outgoing

}
