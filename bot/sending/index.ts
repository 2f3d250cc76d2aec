/** Proactive sending, framework-free: the port, its error type, pacing and retries. */
export { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCardContent, type OutboundActivity, type ProactiveTransport } from './outbound.js';
export { asSendError, isBlockedAnswer, parseRetryAfter, readConnectorErrorBody, SendError, type ConnectorErrorBody, type SendErrorDetails } from './send-error.js';
export { summarise, type SendItem, type SendResult, type SendSummary } from './send-result.js';
export { createSender, DEFAULT_LIMITS, systemClock, type Sender, type SenderClock, type SenderEvent, type SenderLimits, type SenderOptions } from './sender.js';
export { SlidingWindowLog, TEAMS_CONVERSATION_WINDOWS, type RateWindow } from './rate-limit.js';
export { decideRetry, DEFAULT_RETRY, type RetryDecision, type RetryOptions } from './retry-policy.js';
export { DEFAULT_APP_WIDE_THROTTLE, ThrottleMonitor, type AppWideThrottleOptions } from './throttle-monitor.js';
export { conversationHash, sendEventLogger, type SendLogOptions } from './send-log.js';
