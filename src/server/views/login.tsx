import { Layout } from './layout.js';

export function LoginPage(props: {
  next?: string | undefined;
  error?: string | undefined;
  name?: string | undefined;
}) {
  return (
    <Layout title="登录">
      <section class="login">
        <h1>登录</h1>
        {props.error ? (
          <p class="error" role="alert">
            {props.error}
          </p>
        ) : null}
        <form method="post" action="/login">
          <label>
            用户名
            <input name="name" autocomplete="username" required value={props.name ?? ''} />
          </label>
          <label>
            密码
            <input name="password" type="password" autocomplete="current-password" required />
          </label>
          <input type="hidden" name="next" value={props.next ?? '/'} />
          <button type="submit">登录</button>
        </form>
      </section>
    </Layout>
  );
}
