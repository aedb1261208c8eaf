export type {
  Assistant,
  AssistantInput,
  AssistantProposal,
  ProposedAmount,
  ProposedIntent,
} from './assistant';
export { AssistantError, assistantFailureReason } from './assistant';
export {
  chatCompletionsUrl,
  createLlmAssistant,
  DEFAULT_LLM_TIMEOUT_MS,
  llmConfigFromEnv,
  type LlmAssistantOptions,
  type LlmConfig,
} from './llmAssistant';
export {
  KnowledgeBaseError,
  parseKnowledgeBase,
  type KnowledgeBase,
  type KnowledgeBaseIssue,
  type KnowledgeIntent,
} from './knowledgeBase';
export {
  createNluAssistant,
  DEFAULT_MIN_CONFIDENCE,
  type NluAssistantOptions,
} from './nluAssistant';
export { scoreSentiment } from './scoreSentiment';
export { extractAmount, REFUND_LIKE_ACTIONS } from './extractAmount';
export { NOT_UNDERSTOOD_DRAFT } from './replyDraft';
