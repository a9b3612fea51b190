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
 * not the whole program. Once a floor is raised, no part reads a candidate at or below
 * it.
 */
final class CandidateStream {

	private final PriorityQueue<Source> sources = new PriorityQueue<>(
			Comparator.comparingDouble(Source::ceiling).reversed());

	/** The bound a candidate must exceed to be read. */
	private double floor = Double.NEGATIVE_INFINITY;

	CandidateStream(List<Part> parts) {
		parts.forEach(part -> this.sources.add(new Source(part)));
	}

	/**
	 * Leaves out every candidate whose bound is at most {@code floor} (none of them could
	 * rank any more): the stream ends when the next bound would be.
	 */
	void raiseFloor(double floor) {
		this.floor = Math.max(this.floor, floor);
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
	 * part's next bound is at most its ceiling, then at most its last one. When that
	 * bound is at most the floor, so is every other: the stream ends.
	 */
	private void settle() {
		while (!this.sources.isEmpty()) {
			Source head = this.sources.peek();
			if (head.ceiling() <= this.floor) {
				this.sources.clear();
			}
			else if (head.read.isEmpty()) {
				this.sources.poll();
				head.readPage(this.floor);
				if (!head.drained()) {
					this.sources.add(head);
				}
			}
			else {
				return;
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

		void readPage(double floor) {
			List<Bounded> next = this.part.next(floor);
			this.exhausted = next.isEmpty();
			this.read.addAll(next);
		}

		boolean drained() {
			return this.exhausted && this.read.isEmpty();
		}

	}

}
