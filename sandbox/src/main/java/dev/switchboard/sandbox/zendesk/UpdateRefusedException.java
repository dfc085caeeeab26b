package dev.switchboard.sandbox.zendesk;

/** Carries Zendesk's refusal of an update to the API's answer. */
public class UpdateRefusedException extends RuntimeException {

	private final UpdateRefused refused;

	UpdateRefusedException(UpdateRefused refused) {
		super(refused.description());
		this.refused = refused;
	}

	public UpdateRefused refused() {
		return this.refused;
	}

}
