// The live rooms of this process, by room code and game id. Filled in by the live rooms work.
export class RoomRegistry {
  async closeAll(): Promise<void> {}
}
