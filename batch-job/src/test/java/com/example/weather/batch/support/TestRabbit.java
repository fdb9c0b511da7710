package com.example.weather.batch.support;

import java.util.Map;
import java.util.UUID;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;

/**
 * The RabbitMQ broker the remote partitioning tests run against: {@code TEST_RABBITMQ_HOST} (default
 * {@code 127.0.0.1}), {@code TEST_RABBITMQ_PORT} ({@code 5672}), {@code TEST_RABBITMQ_USERNAME} and
 * {@code _PASSWORD} ({@code guest}). Each test uses queues of its own, named with a random suffix, and deletes them.
 */
public final class TestRabbit implements AutoCloseable {

	public static final String HOST = env("TEST_RABBITMQ_HOST", "127.0.0.1");

	public static final int PORT = Integer.parseInt(env("TEST_RABBITMQ_PORT", "5672"));

	public static final String USERNAME = env("TEST_RABBITMQ_USERNAME", "guest");

	public static final String PASSWORD = env("TEST_RABBITMQ_PASSWORD", "guest");

	private final CachingConnectionFactory connectionFactory;

	private final RabbitAdmin admin;

	private final String queue = "weather-ingest-test-" + UUID.randomUUID().toString().substring(0, 8);

	public TestRabbit() {
		this.connectionFactory = new CachingConnectionFactory(HOST, PORT);
		this.connectionFactory.setUsername(USERNAME);
		this.connectionFactory.setPassword(PASSWORD);
		this.admin = new RabbitAdmin(this.connectionFactory);
	}

	/** This test's request queue. */
	public String queue() {
		return this.queue;
	}

	/** The environment of a job process that talks to this broker. */
	public Map<String, String> environment() {
		return Map.of("SPRING_RABBITMQ_HOST", HOST, "SPRING_RABBITMQ_PORT", String.valueOf(PORT),
				"SPRING_RABBITMQ_USERNAME", USERNAME, "SPRING_RABBITMQ_PASSWORD", PASSWORD, "INGEST_REMOTE_QUEUE",
				this.queue);
	}

	/** Messages ready in a queue (not those a consumer holds), or -1 if it does not exist. */
	public long ready(String queue) {
		var info = this.admin.getQueueInfo(queue);
		return (info != null) ? info.getMessageCount() : -1;
	}

	/** Sends {@code payload} to the request queue as the manager does: JSON. */
	public void send(Object payload) {
		RabbitTemplate template = new RabbitTemplate(this.connectionFactory);
		template.setMessageConverter(new JacksonJsonMessageConverter());
		template.convertAndSend(this.queue, payload);
	}

	public AmqpAdmin admin() {
		return this.admin;
	}

	@Override
	public void close() {
		this.admin.deleteQueue(this.queue);
		this.admin.deleteQueue(this.queue + ".dead-letter");
		this.connectionFactory.destroy();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
