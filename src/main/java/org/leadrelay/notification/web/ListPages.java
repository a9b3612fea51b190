package org.leadrelay.notification.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** The pages of the notification lists, numbered from 1 in URLs ({@code ?page=2}). */
final class ListPages {

	static final int SIZE = 20;

	private ListPages() {
	}

	/** The page a URL asks for; a number below 1 means the first. */
	static Pageable of(int page) {
		return PageRequest.of(Math.max(page, 1) - 1, SIZE);
	}

}
