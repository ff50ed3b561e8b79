// In a live game a player is "p3"; the database (and so the results report) names the same
// player "<gameId>-p3" (docs/protocol.md, "What is stored"). Results links use the latter.
export function reportPlayerId(gameId: string, playerId: string): string {
  return playerId.startsWith(`${gameId}-`) ? playerId : `${gameId}-${playerId}`;
}
