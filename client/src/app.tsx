export function App() {
  return (
    <main>
      <h1>Quiz night</h1>
      <p>Live quizzes generated from your study group's own notes.</p>
    </main>
  );
}
