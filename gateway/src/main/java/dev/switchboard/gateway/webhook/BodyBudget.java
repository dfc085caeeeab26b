package dev.switchboard.gateway.webhook;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The bytes that webhook bodies may hold in memory at once, shared by every request in
 * flight: a body is read only once its bytes are taken from the budget, and given back
 * when its request is answered. Over the budget, a request is answered 503 with
 * {@code Retry-After} without being read, so no number of unsigned requests can exhaust
 * the heap ({@code gateway.ingress.body-budget}, by default a quarter of the maximum
 * heap).
 *
 * <p>
 * Large bodies may use all but a reserve: small bodies (a normal delivery is a few
 * kilobytes) still get in while large unsigned ones fill the rest, so a flood of large
 * requests cannot starve the providers' real deliveries.
 */
@Component
public class BodyBudget {

	/** Bodies up to this size may use the reserve. */
	static final long SMALL_BODY = DataSize.ofKilobytes(256).toBytes();

	private final long total;

	private final long reserve;

	private final AtomicLong used = new AtomicLong();

	public BodyBudget(GatewayProperties gateway, WebhookProperties webhooks) {
		this.total = gateway.ingress().bodyBudgetBytes(Runtime.getRuntime().maxMemory());
		this.reserve = Math.max(2 * SMALL_BODY, this.total / 8);
		long largest = webhooks.largestMaxBody().toBytes();
		if (largest > this.total - this.reserve) {
			throw new IllegalArgumentException("gateway.ingress.body-budget (" + DataSize.ofBytes(this.total)
					+ ((gateway.ingress().bodyBudget() == null) ? ", a quarter of the heap" : "")
					+ ") leaves less than the largest webhook max-body (" + DataSize.ofBytes(largest)
					+ ") for large bodies: raise GATEWAY_INGRESS_BODYBUDGET or the heap (-Xmx), or lower the max-body");
		}
	}

	/** An empty lease; its bytes are given back when it is closed. */
	public Lease lease() {
		return new Lease();
	}

	public long total() {
		return this.total;
	}

	public long available() {
		return this.total - this.used.get();
	}

	private boolean take(long bytes, long ceiling) {
		while (true) {
			long now = this.used.get();
			if (now + bytes > ceiling) {
				return false;
			}
			if (this.used.compareAndSet(now, now + bytes)) {
				return true;
			}
		}
	}

	/** The bytes one request holds. Not thread-safe: one request, one thread. */
	public final class Lease implements AutoCloseable {

		private long held;

		private Lease() {
		}

		/**
		 * Takes {@code bytes} more; {@code false} (and nothing taken) when the budget
		 * cannot give them.
		 */
		public boolean grow(long bytes) {
			long after = this.held + bytes;
			long ceiling = (after <= SMALL_BODY) ? BodyBudget.this.total
					: BodyBudget.this.total - BodyBudget.this.reserve;
			if (!take(bytes, ceiling)) {
				return false;
			}
			this.held = after;
			return true;
		}

		public long held() {
			return this.held;
		}

		@Override
		public void close() {
			BodyBudget.this.used.addAndGet(-this.held);
			this.held = 0;
		}

	}

}
