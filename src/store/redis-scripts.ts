/**
 * Lua scripts for the Redis store. Each runs atomically on the server, so two replicas can never
 * both start a quiz in one channel or both advance the same question.
 */

/** KEYS: active pointer, quiz hash, running set. ARGV: quiz id, json, version. */
export const CREATE_QUIZ_LUA = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
  redis.call('HSET', KEYS[2], 'json', ARGV[2], 'version', ARGV[3])
  redis.call('SADD', KEYS[3], ARGV[1])
  return 1
end
return 0
`;

/** KEYS: quiz hash, active pointer, running set. ARGV: expected version, json, new version, phase, quiz id. */
export const UPDATE_QUIZ_LUA = `
if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'json', ARGV[2], 'version', ARGV[3])
if ARGV[4] ~= 'asking' then
  if redis.call('GET', KEYS[2]) == ARGV[5] then
    redis.call('DEL', KEYS[2])
  end
  redis.call('SREM', KEYS[3], ARGV[5])
end
return 1
`;
