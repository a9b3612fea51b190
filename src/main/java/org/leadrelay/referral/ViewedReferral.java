package org.leadrelay.referral;

/**
 * A referral as one caller sees it: with that caller's favorite mark and direction.
 */
public record ViewedReferral(Referral referral, boolean favorite, Direction direction) {

}
