/**
 * Internal: a session with Discord's gateway (websocket): HELLO, IDENTIFY, heartbeats, READY, GUILD_CREATE,
 * reconnects and resumes, every frame reported to an {@code ExchangeSink}. The archive keeps one per run
 * ({@code GatewayLink}); not part of the library API.
 */
package dev.discard.discord.gateway;
