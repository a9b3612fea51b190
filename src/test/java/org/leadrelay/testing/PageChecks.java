package org.leadrelay.testing;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * What a crawl checks on every Hungarian page, in as few calls to the browser as it can:
 * English bundle texts in the text and the attributes a reader meets, duplicate element
 * ids, a header in two rows at 1280 px, and a page that scrolls sideways at 375 px.
 */
public final class PageChecks {

	/**
	 * What a page holds, in one call: its language; what a reader meets (its text nodes
	 * and the attributes read to them); the ids that more than one element carries; how
	 * many of the header's items start below its first row (0 when all sit in one); and
	 * its links.
	 */
	private static final String FACTS = """
			() => {
			  const texts = [];
			  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
			  while (walker.nextNode()) {
			    const node = walker.currentNode;
			    const tag = node.parentElement ? node.parentElement.tagName : '';
			    if (tag !== 'SCRIPT' && tag !== 'STYLE' && node.nodeValue.trim()) {
			      texts.push(node.nodeValue.trim().replace(/\\s+/g, ' '));
			    }
			  }
			  for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
			    document.querySelectorAll('[' + name + ']').forEach(element => texts.push(element.getAttribute(name)));
			  }
			  document.querySelectorAll('button[value], input[type=submit][value], input[type=button][value], input[type=reset][value]')
			    .forEach(element => texts.push(element.getAttribute('value')));
			  const seen = new Set(), twice = new Set();
			  document.querySelectorAll('[id]').forEach(element => (seen.has(element.id) ? twice : seen).add(element.id));
			  const items = [...document.querySelector('header .container').children]
			    .filter(item => item.getClientRects().length > 0)
			    .map(item => item.getBoundingClientRect());
			  const firstBottom = Math.min(...items.map(item => item.bottom));
			  return {
			    lang: document.documentElement.lang,
			    texts: texts,
			    duplicateIds: [...twice],
			    headerRows: items.filter(item => item.top >= firstBottom).length,
			    links: [...document.querySelectorAll('a[href]:not([download])')].map(a => a.href)
			  };
			}""";

	private static final String SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > window.innerWidth";

	/**
	 * The innermost elements that reach past the screen's right edge, to say what
	 * overflows.
	 */
	private static final String WIDER = """
			() => [...document.querySelectorAll('body *')]
			  .filter(element => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
			  .filter(element => ![...element.children].some(child =>
			      child.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5))
			  .map(element => element.tagName + '.' + element.className + ' ' + (element.textContent || '').trim().slice(0, 40))
			  .join(' | ')""";

	private PageChecks() {
	}

	/**
	 * English texts, duplicate ids, a header in two rows at 1280 px, and, if asked, a
	 * page that scrolls sideways at 375 px; returns the page's links.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> check(Page page, String where, Collection<String> englishOnly, boolean narrow,
			List<String> found) {
		Map<String, Object> facts = (Map<String, Object>) page.evaluate(FACTS);
		if (!"hu".equals(facts.get("lang"))) {
			found.add(where + ": not in Hungarian");
		}
		found.addAll(EnglishTexts.in((List<String>) facts.get("texts"), englishOnly, where));
		for (Object id : (List<?>) facts.get("duplicateIds")) {
			found.add(where + ": id \"" + id + "\" more than once");
		}
		if (((Number) facts.get("headerRows")).intValue() > 0) {
			found.add(where + ": the header wraps at 1280 px");
		}
		if (narrow) {
			page.setViewportSize(375, 900);
			if ((boolean) page.evaluate(SCROLLS_SIDEWAYS) && !fitsSoon(page)) {
				found.add(where + ": scrolls sideways at 375 px, past the edge: " + page.evaluate(WIDER));
			}
			page.setViewportSize(1280, 900);
		}
		return (List<String>) facts.get("links");
	}

	/**
	 * Whether the page comes to fit within two seconds: charts redraw themselves at the
	 * new width a little after the resize, which a phone never goes through.
	 */
	private static boolean fitsSoon(Page page) {
		// polled from here: waitForFunction evaluates its text inside the page, which
		// LeadRelay's Content-Security-Policy (no 'unsafe-eval') rightly refuses
		for (int attempt = 0; attempt < 20; attempt++) {
			page.waitForTimeout(100);
			if (!(boolean) page.evaluate(SCROLLS_SIDEWAYS)) {
				return true;
			}
		}
		return false;
	}

}
