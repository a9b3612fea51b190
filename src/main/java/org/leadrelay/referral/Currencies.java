package org.leadrelay.referral;

import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * The currencies a deal can be priced in: the JDK's ISO 4217 codes less those ISO lists
 * as historic, and less the codes that are no money at all.
 */
public final class Currencies {

	/**
	 * Codes the JDK still knows but ISO 4217 has withdrawn (its "list three"): the JDK
	 * keeps them for old data and has no flag that tells them apart. Revisit when ISO
	 * withdraws another (the ISO 4217 amendments say which).
	 */
	private static final Set<String> WITHDRAWN = Set.of("ADP", "AFA", "ANG", "ATS", "AYM", "AZM", "BEF", "BGL", "BYB",
			"BYR", "CSD", "CUC", "CYP", "DEM", "EEK", "ESP", "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP", "ITL",
			"LTL", "LUF", "LVL", "MGF", "MRO", "MTL", "MZM", "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK", "SLL",
			"SRG", "STD", "TMM", "TPE", "TRL", "USS", "VEB", "VEF", "XFO", "XFU", "YUM", "ZMK", "ZWD", "ZWL", "ZWN",
			"ZWR");

	/**
	 * Active codes that name no money a deal is priced in: precious metals, bond market
	 * units, special drawing rights, and the testing and "no currency" codes.
	 */
	private static final Set<String> NOT_MONEY = Set.of("XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT",
			"XSU", "XTS", "XUA", "XXX");

	/** Every active code, in alphabetical order. */
	public static final List<String> ACTIVE = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.filter(Currencies::isActive)
		.sorted()
		.toList();

	private Currencies() {
	}

	public static boolean isActive(String code) {
		return !WITHDRAWN.contains(code) && !NOT_MONEY.contains(code);
	}

}
