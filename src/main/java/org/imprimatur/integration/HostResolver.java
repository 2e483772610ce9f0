package org.imprimatur.integration;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Answers a webhook host's addresses. Asked once per attempt: the request then connects to an
 * address of that answer, so what was checked is what is reached (docs/integration.md, "Target
 * addresses"). A bean so that tests can answer for names no DNS knows.
 */
@ApplicationScoped
public class HostResolver {

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
