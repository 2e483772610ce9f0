package org.imprimatur.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Every @QuarkusTest's REST Assured calls are held to the API description ({@link ApiContract}). */
public class ApiContractForEveryTest implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ApiContract.install();
    }
}
