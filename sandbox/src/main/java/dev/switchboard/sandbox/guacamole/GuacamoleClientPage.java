package dev.switchboard.sandbox.guacamole;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /guacamole/}, where an agent's link lands: like Guacamole's web client, the page
 * reads {@code data} from the link's fragment, logs in with it at {@code api/tokens}, and
 * lists the connections it grants, each with Connect and Disconnect.
 */
@Controller
class GuacamoleClientPage {

	@GetMapping({ "/guacamole", "/guacamole/" })
	String client() {
		return "guacamole";
	}

}
