package org.imprimatur.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

/** Studio requests as a browser sends them, without a browser. */
public final class StudioForms {

    private StudioForms() {
    }

    /** A signed-in studio request with its CSRF cookie and form field; redirects are not followed. */
    public static RequestSpecification signedIn(String username) {
        String csrf = RestAssured.given().get("/studio/sign-in").then().statusCode(200).extract().cookie("csrf-token");
        String session = RestAssured.given().redirects().follow(false).cookie("csrf-token", csrf)
                .formParams(Map.of("csrf-token", csrf, "username", username, "password", "demo"))
                .post("/studio/sign-in").then().statusCode(303).extract().cookie("imprimatur_session");
        return RestAssured.given().redirects().follow(false).cookie("imprimatur_session", session)
                .cookie("csrf-token", csrf).formParam("csrf-token", csrf);
    }
}
