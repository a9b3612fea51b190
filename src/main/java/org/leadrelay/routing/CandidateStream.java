package org.leadrelay.routing;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

import org.leadrelay.routing.CandidateRepository.Bounded;
import org.leadrelay.routing.CandidateRepository.Part;

/**
 * A program's candidate locations, best bound first, merged from the parts that each
 * deliver their own in that order. A part is read only when it could hold the next best
 * bound, a page at a time: the stream reads about as many locations as are taken from it,
 * not the whole program.
 */
final class CandidateStream {

	private final PriorityQueue<Source> sources = new PriorityQueue<>(
			Comparator.comparingDouble(Source::ceiling).reversed());

	CandidateStream(List<Part> parts) {
		parts.forEach(part -> this.sources.add(new Source(part)));
	}

	boolean hasNext() {
		settle();
		return !this.sources.isEmpty();
	}

	/** The bound of the next candidate; only when {@link #hasNext()}. */
	double peekBound() {
		settle();
		return head().ceiling();
	}

	Bounded next() {
		settle();
		Source head = head();
		this.sources.poll();
		Bounded next = head.read.removeFirst();
		head.lastBound = next.bound();
		if (!head.drained()) {
			this.sources.add(head);
		}
		return next;
	}

	private Source head() {
		Source head = this.sources.peek();
		if (head == null) {
			throw new NoSuchElementException();
		}
		return head;
	}

	/**
	 * Reads a page of the part that could hold the best bound until that part holds it: a
	 * part's next bound is at most its ceiling, then at most its last one.
	 */
	private void settle() {
		while (!this.sources.isEmpty() && this.sources.peek().read.isEmpty()) {
			Source source = this.sources.poll();
			source.readPage();
			if (!source.drained()) {
				this.sources.add(source);
			}
		}
	}

	private static final class Source {

		private final Part part;

		private final Deque<Bounded> read = new ArrayDeque<>();

		private double lastBound;

		private boolean exhausted;

		Source(Part part) {
			this.part = part;
			this.lastBound = part.ceiling();
		}

		double ceiling() {
			return this.read.isEmpty() ? this.lastBound : this.read.getFirst().bound();
		}

		void readPage() {
			List<Bounded> next = this.part.next();
			this.exhausted = next.isEmpty();
			this.read.addAll(next);
		}

		boolean drained() {
			return this.exhausted && this.read.isEmpty();
		}

	}

}
