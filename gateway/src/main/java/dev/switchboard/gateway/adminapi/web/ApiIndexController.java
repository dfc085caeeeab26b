package dev.switchboard.gateway.adminapi.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/docs}: where each part of the admin API is described (OpenAPI). */
@RestController
class ApiIndexController {

	record Description(String service, List<String> paths, String openApi) {
	}

	@GetMapping("/api/docs")
	List<Description> index() {
		List<Description> descriptions = new ArrayList<>();
		descriptions
			.add(new Description("gateway", List.of("/api/deliveries", "/api/dead-letters"), "/api/docs/gateway"));
		for (Map.Entry<String, List<String>> owned : AdminRoutesConfiguration.ownedPaths().entrySet()) {
			descriptions.add(new Description(owned.getKey(), owned.getValue(), "/api/docs/" + owned.getKey()));
		}
		return descriptions;
	}

}
